package org.equityadvisor.server.web;

import jakarta.servlet.http.HttpServletResponse;
import org.equityadvisor.knowledge.RuleSetException;
import org.equityadvisor.model.InputException;
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
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("status", 400);
        model.addAttribute("problems", e.problems().stream().map(Views.FieldError::of).toList());
        return "error-page";
    }

    @ExceptionHandler(RuleSetException.class)
    String rules(RuleSetException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("status", 422);
        model.addAttribute("problems", e.problems().stream().map(Views.FieldError::of).toList());
        return "error-page";
    }

    /**
     * A file over the upload limit (spring.servlet.multipart.max-file-size): said on a page, with the limit. The
     * upload forms carry their CSRF token in the address, so the refusal is this one and not a 403 for a token
     * the server stopped reading with the file.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooBig(Model model, HttpServletResponse response, Locale locale) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        model.addAttribute("status", 413);
        model.addAttribute("problems", java.util.List.of(new Views.FieldError("file", messages.getMessage("upload.tooBig", new Object[] {uploadLimit}, locale))));
        return "error-page";
    }

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, Model model, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("problems", java.util.List.of());
        return "error-page";
    }
}
