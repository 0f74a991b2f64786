/// Placeholder until the generator lands.
enum SyntheticLogsPlaceholder {}
