using System.Text;
using System.Text.Json.Nodes;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Control;

/// <summary><c>GET /emulator/state</c> and <c>PUT /emulator/state</c>: the whole state as JSON, and back.</summary>
public sealed class StateExportImportTests : EmulatorTest
{
    [Fact]
    public async Task The_export_names_its_format_the_organization_and_every_store()
    {
        var export = await GetControlAsync("/emulator/state");

        Assert.Equal(1, (int)export!["format"]!);
        Assert.Equal(Emulator.OrganizationId, (string?)export["organization_id"]);
        Assert.Equal("2026-11-02T09:00:00+00:00", (string?)export["exported_at"]);
        var stores = export["stores"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(Emulator.State.Stores.Select(s => s.Name), stores);
        Assert.Contains("customers", stores);
        Assert.Contains("webhooks", stores);
    }

    [Fact]
    public async Task An_export_put_back_after_a_reset_restores_every_object_exactly()
    {
        ControlTestData.AddCustomer(Emulator, "ada@example.com");
        ControlTestData.AddCustomer(Emulator, "grace@example.com");
        var export = await Http.GetStringAsync("/emulator/state", TestContext.Current.CancellationToken);

        var (reset, _) = await SendAsync(HttpMethod.Post, "/emulator/reset");
        var emptied = ControlTestData.CustomerCount(Emulator);
        var (imported, body) = await SendAsync(HttpMethod.Put, "/emulator/state", export);
        var again = await Http.GetStringAsync("/emulator/state", TestContext.Current.CancellationToken);

        Assert.Equal(204, reset);
        Assert.Equal(0, emptied);
        Assert.Equal(204, imported);
        Assert.Null(body);
        Assert.Equal(2, ControlTestData.CustomerCount(Emulator));
        Assert.Equal(StoresOf(export), StoresOf(again));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"stores": {}}""")]
    [InlineData("""{"format": 2, "stores": {}}""")]
    [InlineData("""{"format": 1}""")]
    [InlineData("""{"format": 1, "stores": {"customers": [{"type": "individual", "email": 42}]}}""")]
    [InlineData("""{"format": 1, "stores": {"customers": "none"}}""")]
    public async Task A_broken_import_is_400_and_leaves_the_state_as_it_was(string document)
    {
        var customer = ControlTestData.AddCustomer(Emulator, "ada@example.com");
        var before = await Http.GetStringAsync("/emulator/state", TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Put, "/emulator/state", document);
        var after = await Http.GetStringAsync("/emulator/state", TestContext.Current.CancellationToken);

        Assert.Equal(400, status);
        Assert.Equal("InvalidControlRequest", (string?)body!["error"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["detail"]));
        Assert.Equal(StoresOf(before), StoresOf(after));
        Assert.Equal(customer.Id, Emulator.State.Customers.All.Single().Id);
    }

    [Fact]
    public async Task An_import_that_omits_a_store_empties_it()
    {
        ControlTestData.AddCustomer(Emulator, "ada@example.com");

        var (status, _) = await SendAsync(HttpMethod.Put, "/emulator/state", """{"format": 1, "stores": {}}""");

        Assert.Equal(204, status);
        Assert.Equal(0, ControlTestData.CustomerCount(Emulator));
    }

    private static string StoresOf(string export) => JsonNode.Parse(Encoding.UTF8.GetBytes(export))!["stores"]!.ToJsonString();
}
