using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Specification;

/// <summary>The store specification on a real PostgreSQL started by the test run.</summary>
public sealed class PostgreSqlBillingStoreTests(PostgreSqlFixture fixture) : BillingStoreSpecification(fixture.Database), IClassFixture<PostgreSqlFixture>;
