"""Files: open/save experiments, recent files, exports, the MNIST download."""
