/// Placeholder so the Catalog target builds until its first real source lands.
public enum CatalogModule {}
