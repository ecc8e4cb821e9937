"""The `clienteling demo` launcher: embedded hub, demo terminal, the app."""
