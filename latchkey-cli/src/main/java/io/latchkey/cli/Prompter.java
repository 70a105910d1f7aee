package io.latchkey.cli;

/**
 * Asks the person at the terminal for missing values. Secrets are read without echo.
 *
 * @since 0.1
 */
interface Prompter {

    /** Whether there is a person to ask (stdin and stdout are a terminal). */
    boolean interactive();

    /** A line of text, or null at end of input. */
    String readLine(String prompt);

    /** A secret, read without echo, or null at end of input. */
    char[] readSecret(String prompt);

    /** The prompter of a process without a terminal. */
    Prompter NONE = new Prompter() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String readLine(String prompt) {
            return null;
        }

        @Override
        public char[] readSecret(String prompt) {
            return null;
        }
    };

    /** The prompter over {@link System#console()}, or {@link #NONE} without a terminal. */
    static Prompter system() {
        java.io.Console console = System.console();
        if (console == null) {
            return NONE;
        }
        return new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }

            @Override
            public char[] readSecret(String prompt) {
                return console.readPassword("%s", prompt);
            }
        };
    }
}
