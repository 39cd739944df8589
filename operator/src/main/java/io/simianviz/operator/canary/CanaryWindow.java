package io.simianviz.operator.canary;

import io.simianviz.model.chaos.WindowFigures;

/** What one tier's canary pods served over one analysis interval, as the canary poller read it. */
public record CanaryWindow(String tier, WindowFigures figures) {}
