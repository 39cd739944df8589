package io.simianviz.local;

/** One chaos action of a local run, as summary.json records it. */
record ChaosEvent(String kind, String target, String victim, long timeMs) {}
