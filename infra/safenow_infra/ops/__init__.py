"""Operating the canary: small scripts over `pulumi config set` and `pulumi up`."""
