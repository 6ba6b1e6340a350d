namespace Marketplace.Identity.Organizations;

/// <summary>What an organization is to the marketplace; it decides which roles its members may hold.</summary>
public enum OrganizationKind
{
    Provider,
    Government,
    Commercial,
    Research,
    Platform,
}
