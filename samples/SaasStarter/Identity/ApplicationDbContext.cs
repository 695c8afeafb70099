using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SaasStarter.Identity;

/// <summary>The app's own database: ASP.NET Core Identity's users (SQLite, migrations in <c>Identity/Migrations</c>).</summary>
internal sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : IdentityDbContext<IdentityUser>(options);
