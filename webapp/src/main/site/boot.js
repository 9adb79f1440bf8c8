// Starts the TeaVM client. Separate from index.html because the CSP forbids inline script.
main([]);
