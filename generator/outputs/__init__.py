"""Output families: each turns localized views into files, and none reads another's output."""
