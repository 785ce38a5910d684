using System.Text;

namespace ConflictModel.Interop;

/// <summary>Readable record ids made from names.</summary>
internal static class Names
{
    /// <summary>Lower-case ASCII letters and digits, other characters as single hyphens ("CAR Daily SITREP" → "car-daily-sitrep").</summary>
    public static string Slug(string text, int maxLength = 120)
    {
        var slug = new StringBuilder(text.Length);
        foreach (char c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= maxLength)
            {
                break;
            }
        }

        string result = slug.ToString().Trim('-');
        return result.Length == 0 ? "x" : result;
    }
}
