package org.equityadvisor.server.web;

import jakarta.servlet.http.HttpServletResponse;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.InputException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors on the pages as a page, not as the API's JSON: bad input lists each field with the words the CLI uses
 * for it; a district or plan the user may not see is "not found", exactly as one that does not exist.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final MessageSource messages;
    private final String uploadLimit;

    PageErrors(MessageSource messages, @Value("${spring.servlet.multipart.max-file-size}") String uploadLimit) {
        this.messages = messages;
        this.uploadLimit = uploadLimit.replaceAll("(\\d)([KMG]B)", "$1 $2");
    }

    @ExceptionHandler(InputException.class)
    String input(InputException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST.value(), e.problems().stream().map(Views.FieldError::of).toList(), model, response);
    }

    @ExceptionHandler(RuleSetException.class)
    String rules(RuleSetException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.UNPROCESSABLE_ENTITY.value(), e.problems().stream().map(Views.FieldError::of).toList(), model, response);
    }

    /**
     * A file over the upload limit (spring.servlet.multipart.max-file-size): said on a page, with the limit. The
     * upload forms carry their CSRF token in the address, so the refusal is this one and not a 403 for a token
     * the server stopped reading with the file.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooBig(Model model, HttpServletResponse response, Locale locale) {
        return page(HttpStatus.PAYLOAD_TOO_LARGE.value(),
                List.of(new Views.FieldError("file", messages.getMessage("upload.tooBig", new Object[] {uploadLimit}, locale))), model, response);
    }

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, Model model, HttpServletResponse response) {
        return page(e.getStatusCode().value(), List.of(), model, response);
    }

    /** The error page with its status, on the response and on the page, and the problems listed by field. */
    private static String page(int status, List<Views.FieldError> problems, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problems", problems);
        return "error-page";
    }
}
