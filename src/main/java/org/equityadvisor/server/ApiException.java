package org.equityadvisor.server;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and a sentence that says why. */
class ApiException extends RuntimeException {

    private final HttpStatus status;

    ApiException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " does not exist or is not yours to see.");
    }
}
