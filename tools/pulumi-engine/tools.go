//go:build tools

// Package tools pins the Go main packages that build.sh compiles. Nothing here
// is shipped: the blank imports only make `go mod tidy` keep the exact Pulumi
// versions (pkg/v3 for the CLI, sdk/v3 for the version stamp) in go.mod/go.sum.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
	_ "github.com/pulumi/pulumi/sdk/v3/go/common/version"
)
