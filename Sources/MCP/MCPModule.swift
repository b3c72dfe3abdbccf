/// Placeholder so the MCP target builds until its first real source lands.
public enum MCPModule {}
