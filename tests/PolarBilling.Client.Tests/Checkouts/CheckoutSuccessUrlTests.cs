using Xunit;

namespace PolarBilling.Client.Tests.Checkouts;

public sealed class CheckoutSuccessUrlTests
{
    [Theory]
    [InlineData("https://app.example.com/billing/success", "https://app.example.com/billing/success?checkout_id={CHECKOUT_ID}")]
    [InlineData("https://app.example.com/billing/success?plan=pro", "https://app.example.com/billing/success?plan=pro&checkout_id={CHECKOUT_ID}")]
    [InlineData("https://app.example.com/billing/success?", "https://app.example.com/billing/success?checkout_id={CHECKOUT_ID}")]
    [InlineData("https://app.example.com/#/billing/done", "https://app.example.com/?checkout_id={CHECKOUT_ID}#/billing/done")]
    [InlineData("http://localhost:5000/success?a=1&", "http://localhost:5000/success?a=1&checkout_id={CHECKOUT_ID}")]
    public void WithCheckoutId_appends_the_unescaped_placeholder_to_the_query(string url, string expected)
    {
        Assert.Equal(expected, CheckoutSuccessUrl.WithCheckoutId(url));
    }

    [Fact]
    public void WithCheckoutId_can_name_the_parameter()
    {
        Assert.Equal("https://app.example.com/done?session={CHECKOUT_ID}", CheckoutSuccessUrl.WithCheckoutId("https://app.example.com/done", "session"));
    }

    [Theory]
    [InlineData("/billing/success")]
    [InlineData("ftp://example.com/x")]
    [InlineData("not a url")]
    public void WithCheckoutId_rejects_urls_Polar_cannot_redirect_to(string url)
    {
        Assert.Equal("url", Assert.Throws<ArgumentException>(() => CheckoutSuccessUrl.WithCheckoutId(url)).ParamName);
    }
}
