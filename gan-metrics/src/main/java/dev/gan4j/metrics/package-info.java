/**
 * Evaluation of trained generators (judge networks, FID/KID, precision and recall, conditional
 * accuracy). The module exists so applications can already depend on it; its metrics are not
 * written yet.
 */
package dev.gan4j.metrics;
