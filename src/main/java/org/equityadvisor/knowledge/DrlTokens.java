package org.equityadvisor.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * A small DRL lexer for the rule checker: the identifiers (dotted chains kept whole, {@code java.io.File})
 * and string literals of a text with their lines, comments skipped. It does not need to understand DRL,
 * only to make sure nothing outside strings and comments names a forbidden class.
 */
final class DrlTokens {

    enum Kind {
        NAME, STRING
    }

    record Token(Kind kind, String text, int line, int offset) {
    }

    private DrlTokens() {
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
                i += 2;
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
                // Keep dotted chains whole, allowing spaces around the dots as Java does.
                while (true) {
                    int j = skipSpaces(text, i);
                    if (j < n && text.charAt(j) == '.') {
                        int k = skipSpaces(text, j + 1);
                        if (k < n && Character.isJavaIdentifierStart(text.charAt(k))) {
                            i = identifierEnd(text, k);
                            continue;
                        }
                    }
                    break;
                }
                String chain = text.substring(start, i).replaceAll("\\s+", "");
                tokens.add(new Token(Kind.NAME, chain, line, start));
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

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r' || text.charAt(i) == '\n')) {
            i++;
        }
        return i;
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
