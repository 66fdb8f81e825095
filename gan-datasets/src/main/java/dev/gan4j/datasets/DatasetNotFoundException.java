package dev.gan4j.datasets;

import java.io.IOException;

/**
 * The data files are nowhere to be found. Separate from other I/O failures so a launcher can tell
 * "get the data first" from "the data is damaged"; the message says where it looked and how to get it.
 */
public final class DatasetNotFoundException extends IOException {
    public DatasetNotFoundException(String message) {
        super(message);
    }
}
