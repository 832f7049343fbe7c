// The deck editor (issue 26): being built.
