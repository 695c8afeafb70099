using PolarBilling.EntityFrameworkCore.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Specification;

/// <summary>The store specification on SQLite.</summary>
public sealed class SqliteBillingStoreTests(SqliteFixture fixture) : BillingStoreSpecification(fixture.Database), IClassFixture<SqliteFixture>;
