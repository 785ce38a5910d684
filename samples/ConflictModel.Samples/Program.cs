using System;
using ConflictModel.Samples;

// dotnet run --project samples/ConflictModel.Samples -- <sample> [arguments]
return args.Length == 0 ? Usage() : args[0] switch
{
    "build-dataset" => BuildDataset.Run(),
    "read-and-validate" => ReadAndValidate.Run(args[1..]),
    "stream-large-file" => StreamLargeFile.Run(args[1..]),
    "reconcile-figures" => ReconcileFigures.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ConflictModel.Samples build-dataset | read-and-validate <dataset> | stream-large-file <file.jsonl> | reconcile-figures <dataset.json>");
    return 2;
}
