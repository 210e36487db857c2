package org.equityadvisor.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status, a sentence that says why, and any fields a client can act on. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    ApiException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    /** Adds a field to the problem detail, e.g. the quota that was reached. */
    ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    Map<String, Object> properties() {
        return properties;
    }

    static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " does not exist or is not yours to see.");
    }
}
