package org.equityadvisor.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail. Bad input names each field it found wrong ({@code errors}: field
 * and message) and is a 400, never a 500.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InputException.class)
    ProblemDetail input(InputException e) {
        return listing(HttpStatus.BAD_REQUEST, "Invalid input", e.problems());
    }

    @ExceptionHandler(RuleSetException.class)
    ProblemDetail rules(RuleSetException e) {
        return listing(HttpStatus.UNPROCESSABLE_ENTITY, "Rule set refused", e.problems());
    }

    private static ProblemDetail listing(HttpStatus status, String title, List<Problem> problems) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, summary(problems));
        p.setTitle(title);
        p.setProperty("errors", errors(problems));
        return p;
    }

    @ExceptionHandler(ApiException.class)
    ProblemDetail api(ApiException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        p.setTitle(e.status().getReasonPhrase());
        e.properties().forEach(p::setProperty);
        return p;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getName() + ": '" + e.getValue() + "' is not valid");
        p.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "'" + e.getValue() + "' is not valid")));
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON.");
        p.setTitle("Invalid input");
        return ResponseEntity.badRequest().body(p);
    }

    /**
     * A problem detail written straight to the response, for the filters that answer before any controller
     * does (sign-in, the body limit). {@code extra} adds fields a client can act on.
     */
    static void write(HttpServletResponse res, ObjectMapper json, int status, String title, String detail, Map<String, Object> extra) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        res.setStatus(status);
        res.setContentType("application/problem+json");
        json.writeValue(res.getOutputStream(), body);
    }

    private static String summary(List<Problem> problems) {
        return problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems: " + problems.get(0) + " …";
    }

    private static List<Map<String, String>> errors(List<Problem> problems) {
        return problems.stream().map(p -> Map.of("field", p.place(), "message", p.message())).toList();
    }
}
