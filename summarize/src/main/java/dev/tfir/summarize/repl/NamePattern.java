package dev.tfir.summarize.repl;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What {@code find} matches node names with: a glob ({@code *} and {@code ?}, the whole name) or a regular
 * expression (any part of the name). Regular expressions are RE2's (RE2/J): matching takes time linear in the
 * name and the pattern whatever they are, without the backtracking that makes {@code (.*)*(.*)*Z} take forever.
 * The pattern's size is bounded here, as RE2 bounds its programs: at most {@value #MAX_LENGTH} characters, and at
 * most {@value #MAX_SIZE} with counted repetitions written out ({@code ((x{1000}){1000})} would be a million).
 */
final class NamePattern {
    /** The longest pattern: far longer than any name one types or pastes. */
    static final int MAX_LENGTH = 1000;
    /** The largest pattern with its counted repetitions written out. */
    static final long MAX_SIZE = 10_000;

    private final Pattern pattern;
    private final boolean whole;

    private NamePattern(Pattern pattern, boolean whole) {
        this.pattern = pattern;
        this.whole = whole;
    }

    /** The pattern of a glob or regular expression; a {@link ShellException} says what is wrong with it. */
    static NamePattern of(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ShellException("the pattern is " + text.length() + " characters long; find takes up to "
                    + MAX_LENGTH);
        }
        if (isGlob(text)) {
            StringBuilder regex = new StringBuilder();
            for (char ch : text.toCharArray()) {
                regex.append(switch (ch) {
                    case '*' -> ".*";
                    case '?' -> ".";
                    default -> Pattern.quote(String.valueOf(ch));
                });
            }
            return new NamePattern(Pattern.compile(regex.toString()), true);
        }
        if (expandedSize(text) > MAX_SIZE) {
            throw new ShellException("the pattern is more than " + MAX_SIZE + " characters long with its {n} "
                    + "repetitions written out; find takes up to " + MAX_SIZE);
        }
        try {
            return new NamePattern(Pattern.compile(text), false);
        } catch (PatternSyntaxException e) {
            throw new ShellException("'" + text + "' is not a valid regular expression (RE2 syntax): "
                    + e.getDescription());
        }
    }

    /** Whether the name matches: all of it for a glob, any part for a regular expression. */
    boolean matches(String name) {
        return whole ? pattern.matches(name) : pattern.matcher(name).find();
    }

    /** A glob has * or ? and none of the characters that only make sense in a regex. */
    static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?')
                && text.chars().noneMatch(c -> "()+^$|\\{}".indexOf(c) >= 0) && !text.contains(".*");
    }

    /**
     * The size of a regular expression with its counted repetitions written out: {@code a{5}} is 5,
     * {@code (ab{2}){3}} 9. Escapes and character classes count as one; malformed counts as 1 (the compiler reports
     * them). RE2/J's program, and the time to match a name, grow with it.
     */
    static long expandedSize(String regex) {
        Deque<Long> outer = new ArrayDeque<>();
        long size = 0;
        long lastAtom = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '(') {
                outer.push(size);
                size = 0;
            } else if (c == ')' && !outer.isEmpty()) {
                lastAtom = size;
                size = outer.pop() + size;
            } else if (c == '{' && regex.indexOf('}', i) > 0) {
                int close = regex.indexOf('}', i);
                long copies = Math.min(MAX_SIZE + 1, lastAtom * repeatCount(regex.substring(i + 1, close)));
                size = Math.min(MAX_SIZE + 1, size + copies - lastAtom);
                lastAtom = copies;
                i = close;
            } else if ("*+?|".indexOf(c) < 0) {
                i = c == '\\' ? i + 1 : c == '[' ? classEnd(regex, i) : i;
                lastAtom = 1;
                size++;
            }
        }
        while (!outer.isEmpty()) {
            size += outer.pop();
        }
        return size;
    }

    /** The larger number of a count {@code n}, {@code m,n} or {@code m,}; 1 when it is not one. */
    private static long repeatCount(String count) {
        long largest = 1;
        for (String part : count.split(",", -1)) {
            if (!part.isEmpty() && part.length() <= 9 && part.chars().allMatch(Character::isDigit)) {
                largest = Math.max(largest, Long.parseLong(part));
            } else if (!part.isEmpty()) {
                return 1;
            }
        }
        return largest;
    }

    /** The index of the ] that closes the character class opened at {@code open}. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length() && regex.charAt(i) != ']') {
            i += regex.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }
}
