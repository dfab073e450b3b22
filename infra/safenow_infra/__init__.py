"""SafeNow infrastructure: the Pulumi program's components, config, rendering and ops."""
