module lambdabridge.dev/shim

go 1.19
