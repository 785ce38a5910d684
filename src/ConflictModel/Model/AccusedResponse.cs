namespace ConflictModel.Model;

/// <summary>How the accused in an <see cref="Attribution"/> has answered it, as far as the sources tell.</summary>
public enum AccusedResponse
{
    /// <summary>
    /// Not a value: the default of a field that was never set. The model's constructors reject it, and it has no wire
    /// name (reading <c>unspecified</c> is an unknown value, CM0009; nothing writes it).
    /// </summary>
    Unspecified = 0,

    /// <summary>No answer is reported.</summary>
    NoResponse,

    /// <summary>The accused denies it.</summary>
    Denied,

    /// <summary>The accused acknowledges or claims it.</summary>
    Acknowledged,

    /// <summary>The accused declines to confirm or deny.</summary>
    DeclinedToComment,
}
