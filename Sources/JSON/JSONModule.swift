/// Placeholder so the JSON target builds until its first real source lands.
public enum JSONModule {}
