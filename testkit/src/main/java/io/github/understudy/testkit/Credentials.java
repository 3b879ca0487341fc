package io.github.understudy.testkit;

/**
 * A user of the cluster. {@code toString()} masks the password so that test logs never show it.
 *
 * @param user     the user name
 * @param password the password
 */
public record Credentials(String user, String password) {

    @Override
    public String toString() {
        return user + "/****";
    }
}
