package org.equityadvisor.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * A small DRL lexer for the rule checker: the identifiers (dotted chains kept whole, {@code java.io.File},
 * also when comments or spaces sit between the parts) and string literals of a text with their lines,
 * comments skipped. It reads the text as the Java compiler will, Unicode escapes decoded first, so an
 * escaped quote or line break cannot hide a name. It gives early, friendly messages only: the guarantee is
 * the bytecode check ({@link RuleBytecode}).
 */
final class DrlTokens {

    enum Kind {
        NAME, STRING
    }

    record Token(Kind kind, String text, int line, int offset) {
    }

    private DrlTokens() {
    }

    /**
     * The text with its Unicode escapes decoded as the Java compiler does (JLS 3.3: {@code \\u0041}, also
     * {@code \\uuu0041}; not after an escaped backslash). A decoded line break becomes {@code '\r'}: it
     * ends a {@code //} comment as it would for the compiler, but does not shift the lines of what follows.
     */
    static String unescape(String text) {
        if (text.indexOf("\\u") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int backslashes = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < n && text.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < n && text.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= n && text.substring(j, j + 4).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                    char decoded = (char) Integer.parseInt(text.substring(j, j + 4), 16);
                    out.append(decoded == '\n' ? '\r' : decoded);
                    i = j + 3;
                    // A decoded backslash does not escape what follows (JLS 3.3).
                    backslashes = 0;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            out.append(c);
        }
        return out.toString();
    }

    static List<Token> of(String source) {
        String text = unescape(source);
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '/' && i + 1 < n && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                int end = commentEnd(text, i);
                line += count(text, i, end, '\n');
                i = end;
            } else if (c == '"' || c == '\'') {
                int start = i;
                int startLine = line;
                StringBuilder value = new StringBuilder();
                i++;
                while (i < n && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                    value.append(text.charAt(i));
                    i++;
                }
                i++;
                tokens.add(new Token(Kind.STRING, value.toString(), startLine, start));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                i = identifierEnd(text, i);
                StringBuilder chain = new StringBuilder(text.substring(start, i));
                // Keep dotted chains whole, allowing spaces and comments around the dots as Java does.
                while (true) {
                    int j = skipSpaces(text, i);
                    if (j < n && text.charAt(j) == '.') {
                        int k = skipSpaces(text, j + 1);
                        if (k < n && Character.isJavaIdentifierStart(text.charAt(k))) {
                            i = identifierEnd(text, k);
                            chain.append('.').append(text, k, i);
                            continue;
                        }
                    }
                    break;
                }
                tokens.add(new Token(Kind.NAME, chain.toString(), line, start));
                line += count(text, start, i, '\n');
            } else {
                i++;
            }
        }
        return tokens;
    }

    private static int identifierEnd(String text, int i) {
        int j = i + 1;
        while (j < text.length() && Character.isJavaIdentifierPart(text.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Past the spaces and comments at i. */
    private static int skipSpaces(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
                i++;
            } else if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                i = commentEnd(text, i);
            } else {
                break;
            }
        }
        return i;
    }

    /** The index after the comment starting at i: a line comment ends at a line break (also a decoded one). */
    private static int commentEnd(String text, int i) {
        int n = text.length();
        if (text.charAt(i + 1) == '/') {
            int j = i;
            while (j < n && text.charAt(j) != '\n' && text.charAt(j) != '\r') {
                j++;
            }
            return j;
        }
        int end = text.indexOf("*/", i + 2);
        return end < 0 ? n : end + 2;
    }

    private static int count(String text, int from, int to, char c) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }
}
