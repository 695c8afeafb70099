using System.Text.Json.Nodes;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Faults;

/// <summary>The <c>/emulator/faults</c> contract: rules as added, their counters, the seed, removal, reset and validation.</summary>
public sealed class FaultControlApiTests : EmulatorTest
{
    [Fact]
    public async Task Get_shows_every_rule_with_its_settings_counters_and_the_seed()
    {
        var added = await FaultControl.AddAsync(Http, """{"target":"api","route":"POST /v1/checkouts/","action":"error","status":503,"rate":0.25,"count":2}""");
        await FaultControl.AddAsync(Http, """{"target":"webhooks","action":"reorder","event_types":["order.created"]}""");

        var faults = await FaultControl.GetAsync(Http);

        Assert.Equal("fault_1", (string?)added["id"]);
        Assert.Equal(20261102, (long)faults["seed"]!);
        var rules = faults["rules"]!.AsArray();
        Assert.Equal(2, rules.Count);
        Assert.Equal("checkouts:create", (string?)rules[0]!["operation_id"]);
        Assert.Equal(0.25, (double)rules[0]!["rate"]!);
        Assert.Equal(2, (long)rules[0]!["remaining"]!);
        Assert.Equal(0, (long)rules[0]!["fired"]!);
        Assert.Equal("fault_2", (string?)rules[1]!["id"]);
        Assert.Equal(1, (int)rules[1]!["after"]!);
        Assert.Equal("order.created", (string?)rules[1]!["event_types"]![0]);
    }

    [Fact]
    public async Task Delete_removes_one_rule_and_delete_all_clears_them()
    {
        var first = await FaultControl.AddAsync(Http, """{"target":"api","route":"*","action":"error"}""");
        await FaultControl.AddAsync(Http, """{"target":"api","route":"*","action":"latency","latency_ms":5}""");

        var removed = await Http.DeleteAsync($"/emulator/faults/{first["id"]}", TestContext.Current.CancellationToken);
        var again = await Http.DeleteAsync($"/emulator/faults/{first["id"]}", TestContext.Current.CancellationToken);
        var (status, _) = await SendAsync(HttpMethod.Get, "/v1/products/");
        var left = (await FaultControl.GetAsync(Http))["rules"]!.AsArray().Count;
        var cleared = await Http.DeleteAsync("/emulator/faults", TestContext.Current.CancellationToken);

        Assert.Equal(204, (int)removed.StatusCode);
        Assert.Equal(404, (int)again.StatusCode);
        Assert.Equal(200, status);
        Assert.Equal(1, left);
        Assert.Equal(204, (int)cleared.StatusCode);
        Assert.Empty((await FaultControl.GetAsync(Http))["rules"]!.AsArray());
    }

    [Fact]
    public async Task Reset_clears_the_rules_the_log_and_the_seed()
    {
        await SendAsync(HttpMethod.Put, "/emulator/faults/seed", """{"seed": 7}""");
        await FaultControl.AddAsync(Http, """{"target":"api","route":"*","action":"error","count":1}""");
        await SendAsync(HttpMethod.Get, "/v1/products/");

        var (reset, _) = await SendAsync(HttpMethod.Post, "/emulator/reset");
        var (status, _) = await SendAsync(HttpMethod.Get, "/v1/products/");
        var faults = await FaultControl.GetAsync(Http);
        var next = await FaultControl.AddAsync(Http, """{"target":"api","route":"*","action":"latency","latency_ms":1}""");

        Assert.Equal(204, reset);
        Assert.Equal(200, status);
        Assert.Empty(faults["rules"]!.AsArray());
        Assert.Empty(faults["log"]!.AsArray());
        Assert.Equal(20261102, (long)faults["seed"]!);
        Assert.Equal("fault_1", (string?)next["id"]);
    }

    [Fact]
    public async Task The_emulator_reset_method_clears_the_rules_too()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"*","action":"error"}""");

        Emulator.Reset();
        var (status, _) = await SendAsync(HttpMethod.Get, "/v1/products/");

        Assert.Equal(200, status);
        Assert.Empty((await FaultControl.GetAsync(Http))["rules"]!.AsArray());
    }

    [Fact]
    public async Task Put_seed_sets_the_seed()
    {
        var (status, body) = await SendAsync(HttpMethod.Put, "/emulator/faults/seed", """{"seed": -42}""");
        var (missing, error) = await SendAsync(HttpMethod.Put, "/emulator/faults/seed", "{}");

        Assert.Equal(200, status);
        Assert.Equal(-42, (long)body!["seed"]!);
        Assert.Equal(-42, (long)(await FaultControl.GetAsync(Http))["seed"]!);
        Assert.Equal(400, missing);
        Assert.Contains("'seed'", (string?)error!["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"route":"*","action":"error"}""", "'target'")]
    [InlineData("""{"target":"mail","route":"*","action":"error"}""", "'target'")]
    [InlineData("""{"target":"api","route":"*"}""", "'action'")]
    [InlineData("""{"target":"api","route":"*","action":"duplicate"}""", "'action'")]
    [InlineData("""{"target":"api","action":"error"}""", "'route'")]
    [InlineData("""{"target":"api","route":"POST /v1/checkouts","action":"error"}""", "POST /v1/checkouts/")]
    [InlineData("""{"target":"api","route":"checkouts:explode","action":"error"}""", "'route'")]
    [InlineData("""{"target":"api","route":"*","action":"error","rate":1.5}""", "'rate'")]
    [InlineData("""{"target":"api","route":"*","action":"error","count":0}""", "'count'")]
    [InlineData("""{"target":"api","route":"*","action":"error","status":200}""", "'status'")]
    [InlineData("""{"target":"api","route":"*","action":"error","status":429}""", "rate_limit")]
    [InlineData("""{"target":"api","route":"*","action":"latency"}""", "'latency_ms'")]
    [InlineData("""{"target":"api","route":"*","action":"latency","latency":100}""", "'latency'")]
    [InlineData("""{"target":"api","route":"*","action":"rate_limit","retry_after":-1}""", "'retry_after'")]
    [InlineData("""{"target":"api","route":"*","action":"error","after_commit":"yes"}""", "'after_commit'")]
    [InlineData("""{"target":"webhooks","action":"delay"}""", "'delay_ms'")]
    [InlineData("""{"target":"webhooks","action":"drop","event_types":["order.shipped"]}""", "'event_types'")]
    [InlineData("""{"target":"webhooks","action":"drop","route":"*"}""", "'route'")]
    [InlineData("""{"target":"webhooks","action":"duplicate","copies":11}""", "'copies'")]
    public async Task A_bad_rule_is_refused_with_400_naming_the_field(string json, string named)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/emulator/faults", json);

        Assert.Equal(400, status);
        Assert.Equal("InvalidControlRequest", (string?)body!["error"]);
        Assert.Contains(named, (string?)body["detail"], StringComparison.Ordinal);
        Assert.Empty((await FaultControl.GetAsync(Http))["rules"]!.AsArray());
    }

    [Fact]
    public async Task The_log_records_each_injected_fault_with_its_route()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"GET /v1/products/{id}","action":"error","status":504}""");

        await SendAsync(HttpMethod.Get, "/v1/products/0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10");
        var entry = (await FaultControl.LogAsync(Http)).Single();

        Assert.Equal("fault_1", (string?)entry["rule_id"]);
        Assert.Equal("products:get", (string?)entry["operation_id"]);
        Assert.Equal("/v1/products/0b6f3d39-2f57-4a0e-9d4d-6f0c1c1e2a10", (string?)entry["path"]);
        Assert.False((bool)entry["after_commit"]!);
        Assert.IsType<JsonValue>(entry["at"], exactMatch: false);
    }
}
