package org.equityadvisor.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit with 413 before anything reads it. A declared Content-Length over
 * the limit is refused at once, unread; a chunked body (no length) is read up to one byte past the limit
 * and refused there. Either way the connection is closed after the answer, so the rest is never read.
 */
final class BodyLimit extends OncePerRequestFilter {

    static final String PROPERTY = "equityadvisor.limits.body-size";

    private final long max;
    private final ObjectMapper json;

    BodyLimit(long max, ObjectMapper json) {
        this.max = max;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > max) {
            refuse(response, "The request body is " + Limits.show(declared) + ";");
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        // No length given: a chunked body, or none at all (then this reads nothing and returns at once).
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            refuse(response, "The request body is longer than " + Limits.show(max) + ";");
            return;
        }
        chain.doFilter(body.length == 0 ? request : new Read(request, body), response);
    }

    private void refuse(HttpServletResponse response, String size) throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(response, json, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request body too large",
                size + " this server takes at most " + Limits.show(max) + " (" + PROPERTY + ").", Map.of("limit", max));
    }

    /** A chunked request whose body, within the limit, has been read already. */
    private static final class Read extends HttpServletRequestWrapper {
        private final byte[] body;

        Read(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
