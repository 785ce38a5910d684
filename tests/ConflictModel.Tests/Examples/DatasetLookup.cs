using System.Linq;
using ConflictModel.Model;

namespace ConflictModel.Tests.Examples;

/// <summary>Finds a dataset's records by id text, failing when there is not exactly one.</summary>
internal static class DatasetLookup
{
    public static Actor Actor(this Dataset dataset, string id) => dataset.Actors.Single(r => r.Id.Value == id);

    public static Event Event(this Dataset dataset, string id) => dataset.Events.Single(r => r.Id.Value == id);

    public static Claim Claim(this Dataset dataset, string id) => dataset.Claims.Single(r => r.Id.Value == id);

    public static Attribution Attribution(this Dataset dataset, string id) => dataset.Attributions.Single(r => r.Id.Value == id);

    public static CasualtyEstimate Estimate(this Dataset dataset, string id) => dataset.CasualtyEstimates.Single(r => r.Id.Value == id);

    public static Ceasefire Ceasefire(this Dataset dataset, string id) => dataset.Ceasefires.Single(r => r.Id.Value == id);

    public static Mediation Mediation(this Dataset dataset, string id) => dataset.Mediations.Single(r => r.Id.Value == id);
}
