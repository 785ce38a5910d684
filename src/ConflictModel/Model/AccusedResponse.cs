namespace ConflictModel.Model;

/// <summary>How the accused in an <see cref="Attribution"/> has answered it, as far as the sources tell.</summary>
public enum AccusedResponse
{
    /// <summary>No answer is reported.</summary>
    NoResponse,

    /// <summary>The accused denies it.</summary>
    Denied,

    /// <summary>The accused acknowledges or claims it.</summary>
    Acknowledged,

    /// <summary>The accused declines to confirm or deny.</summary>
    DeclinedToComment,
}
