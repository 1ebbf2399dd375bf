using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Application.Tests.Access;

/// <summary>The access table's decisions: default deny, role and scope together.</summary>
public sealed class AccessTableTests
{
    [Fact]
    public void A_function_without_an_entry_is_denied_to_every_role()
    {
        var everything = new Caller("all", AccessRoles.All, new HashSet<string> { "3417" }, new HashSet<string> { "3417" });

        AccessTable.Grant("SomeNewFunction", everything, "3417").Should().BeNull();
    }

    [Fact]
    public void A_role_reaches_a_municipality_only_through_its_own_scope()
    {
        var leaderAndKontorElsewhere = new Caller("c", new HashSet<string> { "leader", "alis-kontor" }, new HashSet<string> { "3417" }, new HashSet<string> { "3401" });
        var ingest = new Caller("i", new HashSet<string> { "ingest" }, new HashSet<string> { "3417" }, new HashSet<string>());

        AccessTable.Grant(FunctionBindings.ComplianceStatus, leaderAndKontorElsewhere, "3417").Should().NotBeNull("as leader of 3417");
        AccessTable.Grant(FunctionBindings.ComplianceStatus, leaderAndKontorElsewhere, "3401").Should().NotBeNull("as the ALIS-kontor of 3401's region");
        AccessTable.Grant(FunctionBindings.ComplianceStatus, leaderAndKontorElsewhere, "9999").Should().BeNull();
        AccessTable.Grant(FunctionBindings.IngestRecords, ingest, "3417").Should().NotBeNull();
        AccessTable.Grant(FunctionBindings.IngestRecords, ingest, "3401").Should().BeNull();
        AccessTable.Grant(FunctionBindings.ComplianceStatus, ingest, "3417").Should().BeNull("ingest writes, it does not read");
        AccessTable.Grant(FunctionBindings.IngestRecords, ingest, null).Should().BeNull("a route municipality is required");
    }

    [Fact]
    public void Operators_reach_the_service_functions_and_no_municipality()
    {
        var @operator = new Caller(TestCallers.Operator.Id, new HashSet<string> { "operator" }, new HashSet<string>(), new HashSet<string>());

        AccessTable.Grant(FunctionBindings.ServiceHealth, @operator, null).Should().NotBeNull();
        AccessTable.Grant(FunctionBindings.AuditQuery, @operator, null).Should().NotBeNull();
        AccessTable.Grant(FunctionBindings.ComplianceStatus, @operator, "3417").Should().BeNull();
    }
}
