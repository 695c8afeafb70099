using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Products;

/// <summary><c>/v1/products/</c>: the catalog, as Polar's <c>product/endpoints.py</c> and <c>product/service.py</c>.</summary>
internal static partial class ProductsApi
{
    // Polar sorts by the product's first price (the oldest current one): custom before fixed, and by its amount
    // (a custom price by its minimum). Other prices give NULL, which PostgreSQL puts last ascending, first descending.
    private static readonly SortKeys<Product> Sort = new SortKeys<Product>(p => p.Id)
        .Add("created_at", p => p.CreatedAt)
        .Add("name", p => p.Name.ToUpperInvariant())
        .Add("price_amount_type", p => FirstPrice(p) switch
        {
            ProductPriceCustom => 1L,
            ProductPriceFixed => 2L,
            _ => long.MaxValue,
        })
        .Add("price_amount", p => FirstPrice(p) switch
        {
            ProductPriceCustom custom => custom.MinimumAmount,
            ProductPriceFixed fixedPrice => fixedPrice.PriceAmount,
            _ => long.MaxValue,
        });

    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/products/", List).WithPolarOperation("products:list");
        v1.MapPost("/products/", Create).WithPolarOperation("products:create");
        v1.MapGet("/products/{id}", Get).WithPolarOperation("products:get");
        v1.MapPatch("/products/{id}", Update).WithPolarOperation("products:update");
        v1.MapPost("/products/{id}/benefits", UpdateBenefits).WithPolarOperation("products:update_benefits");
        return v1;
    }

    private static IResult List(HttpContext context, EmulatorState state)
    {
        lock (state.Gate)
        {
            var q = ListQuery.From(context);
            var ids = q.Strings("id");
            var organizations = q.Strings("organization_id");
            var text = q.String("query");
            var archived = q.Bool("is_archived");
            var recurring = q.Bool("is_recurring");
            var benefits = q.Strings("benefit_id");
            var visibility = q.Strings("visibility");
            var matching = state.Products.All.Where(p =>
                (ids.Count == 0 || ids.Contains(p.Id, StringComparer.OrdinalIgnoreCase))
                && (organizations.Count == 0 || organizations.Contains(p.OrganizationId, StringComparer.OrdinalIgnoreCase))
                && (text is null || p.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
                && (archived is null || p.IsArchived == archived)
                && (recurring is null || p.IsRecurring == recurring)
                && (benefits.Count == 0 || p.Benefits.Any(b => benefits.Contains(b.Id, StringComparer.OrdinalIgnoreCase)))
                && (visibility.Count == 0 || visibility.Contains(p.Visibility.Value))
                && q.MatchesMetadata(p.Metadata));
            return q.Answer(matching.Select(p => ProductViews.Refresh(state, p)), Sort, "-created_at");
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            return ApiResults.Json(ProductViews.Refresh(state, state.Products.Get(UuidInput.Path(id))));
        }
    }

    private static ProductPrice? FirstPrice(Product product) => product.Prices.Where(p => !p.IsArchived).MinBy(p => p.CreatedAt);
}
