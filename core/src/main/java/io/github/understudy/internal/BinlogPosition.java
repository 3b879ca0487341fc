package io.github.understudy.internal;

/**
 * A place in one server's binary log: a file and a byte offset in it ({@code mysql-bin.000003:1542}). Two places
 * compare only within the same server's log: files are numbered in order, so the number decides first.
 *
 * @param file     the binary log file, e.g. {@code mysql-bin.000003}
 * @param position the offset in it, {@code >= 4}
 */
record BinlogPosition(String file, long position) implements Comparable<BinlogPosition> {

    BinlogPosition {
        Check.notBlank("file", file);
    }

    /**
     * Reads {@code file:offset}.
     *
     * @throws IllegalArgumentException when it is not that
     */
    static BinlogPosition parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        try {
            return new BinlogPosition(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("binary log coordinates must be file:offset, but were '" + text + "'",
                    e);
        }
    }

    /**
     * The end of a server's binary log from a row of {@code SHOW BINARY LOG STATUS} / {@code SHOW MASTER STATUS} /
     * {@code SHOW BINLOG STATUS} (columns {@code File} and {@code Position} in all of them); null when the server
     * writes no binary log.
     */
    static BinlogPosition ofStatusRow(java.util.Map<String, String> row) {
        String file = row.get("File");
        return file == null || file.isBlank() ? null : new BinlogPosition(file, Long.parseLong(row.get("Position")));
    }

    /** Orders by the file's number, then by offset. */
    @Override
    public int compareTo(BinlogPosition other) {
        int byFile = Long.compare(number(file), number(other.file));
        if (byFile == 0) {
            byFile = file.compareTo(other.file);
        }
        return byFile != 0 ? byFile : Long.compare(position, other.position);
    }

    private static long number(String file) {
        int dot = file.lastIndexOf('.');
        try {
            return dot < 0 ? -1 : Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return file + ":" + position;
    }
}
