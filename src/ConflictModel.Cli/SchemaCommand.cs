using System.CommandLine;
using ConflictModel.Serialization;
using ConflictModel.Diagnostics;

namespace ConflictModel.Cli;

/// <summary><c>conflictmodel schema</c>: writes the JSON Schema of the wire format.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the schema to this file instead of standard output." };
        var command = new Command("schema", "Write the JSON Schema (draft 2020-12) of the wire format. #/$defs/jsonLine describes one JSON Lines line.")
        {
            output,
        };
        command.SetAction(parsed =>
        {
            string schema = ConflictJsonSchema.Generate();
            CommandLineApp.WriteOutput(console, parsed.GetValue(output), writer => writer.Write(schema));
            return ExitCodes.Success;
        });
        return command;
    }
}
