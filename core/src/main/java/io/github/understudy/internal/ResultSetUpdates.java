package io.github.understudy.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The updating half of {@link RoutedResultSet} (updatable result sets: {@code updateXxx}, row inserts, updates and
 * deletes), passed to the physical result set one delegation per line.
 */
abstract class ResultSetUpdates implements ResultSet {

    final ResultSet target;

    ResultSetUpdates(ResultSet target) {
        this.target = target;
    }

    @Override public void cancelRowUpdates() throws SQLException { target.cancelRowUpdates(); }
    @Override public void deleteRow() throws SQLException { target.deleteRow(); }
    @Override public void insertRow() throws SQLException { target.insertRow(); }
    @Override public void moveToCurrentRow() throws SQLException { target.moveToCurrentRow(); }
    @Override public void moveToInsertRow() throws SQLException { target.moveToInsertRow(); }
    @Override public void refreshRow() throws SQLException { target.refreshRow(); }
    @Override public boolean rowDeleted() throws SQLException { return target.rowDeleted(); }
    @Override public boolean rowInserted() throws SQLException { return target.rowInserted(); }
    @Override public boolean rowUpdated() throws SQLException { return target.rowUpdated(); }

    @Override
    public void updateArray(String label, Array value) throws SQLException {
        target.updateArray(label, value);
    }

    @Override
    public void updateArray(int column, Array value) throws SQLException {
        target.updateArray(column, value);
    }

    @Override
    public void updateAsciiStream(String label, InputStream value, int length) throws SQLException {
        target.updateAsciiStream(label, value, length);
    }

    @Override
    public void updateAsciiStream(String label, InputStream value, long length) throws SQLException {
        target.updateAsciiStream(label, value, length);
    }

    @Override
    public void updateAsciiStream(String label, InputStream value) throws SQLException {
        target.updateAsciiStream(label, value);
    }

    @Override
    public void updateAsciiStream(int column, InputStream value, int length) throws SQLException {
        target.updateAsciiStream(column, value, length);
    }

    @Override
    public void updateAsciiStream(int column, InputStream value, long length) throws SQLException {
        target.updateAsciiStream(column, value, length);
    }

    @Override
    public void updateAsciiStream(int column, InputStream value) throws SQLException {
        target.updateAsciiStream(column, value);
    }

    @Override
    public void updateBigDecimal(String label, BigDecimal value) throws SQLException {
        target.updateBigDecimal(label, value);
    }

    @Override
    public void updateBigDecimal(int column, BigDecimal value) throws SQLException {
        target.updateBigDecimal(column, value);
    }

    @Override
    public void updateBinaryStream(String label, InputStream value, int length) throws SQLException {
        target.updateBinaryStream(label, value, length);
    }

    @Override
    public void updateBinaryStream(String label, InputStream value, long length) throws SQLException {
        target.updateBinaryStream(label, value, length);
    }

    @Override
    public void updateBinaryStream(String label, InputStream value) throws SQLException {
        target.updateBinaryStream(label, value);
    }

    @Override
    public void updateBinaryStream(int column, InputStream value, int length) throws SQLException {
        target.updateBinaryStream(column, value, length);
    }

    @Override
    public void updateBinaryStream(int column, InputStream value, long length) throws SQLException {
        target.updateBinaryStream(column, value, length);
    }

    @Override
    public void updateBinaryStream(int column, InputStream value) throws SQLException {
        target.updateBinaryStream(column, value);
    }

    @Override
    public void updateBlob(String label, InputStream value, long length) throws SQLException {
        target.updateBlob(label, value, length);
    }

    @Override
    public void updateBlob(String label, InputStream value) throws SQLException {
        target.updateBlob(label, value);
    }

    @Override public void updateBlob(String label, Blob value) throws SQLException { target.updateBlob(label, value); }

    @Override
    public void updateBlob(int column, InputStream value, long length) throws SQLException {
        target.updateBlob(column, value, length);
    }

    @Override
    public void updateBlob(int column, InputStream value) throws SQLException {
        target.updateBlob(column, value);
    }

    @Override public void updateBlob(int column, Blob value) throws SQLException { target.updateBlob(column, value); }

    @Override
    public void updateBoolean(String label, boolean value) throws SQLException {
        target.updateBoolean(label, value);
    }

    @Override
    public void updateBoolean(int column, boolean value) throws SQLException {
        target.updateBoolean(column, value);
    }

    @Override public void updateByte(String label, byte value) throws SQLException { target.updateByte(label, value); }
    @Override public void updateByte(int column, byte value) throws SQLException { target.updateByte(column, value); }

    @Override
    public void updateBytes(String label, byte[] value) throws SQLException {
        target.updateBytes(label, value);
    }

    @Override
    public void updateBytes(int column, byte[] value) throws SQLException {
        target.updateBytes(column, value);
    }

    @Override
    public void updateCharacterStream(String label, Reader value, int length) throws SQLException {
        target.updateCharacterStream(label, value, length);
    }

    @Override
    public void updateCharacterStream(String label, Reader value, long length) throws SQLException {
        target.updateCharacterStream(label, value, length);
    }

    @Override
    public void updateCharacterStream(String label, Reader value) throws SQLException {
        target.updateCharacterStream(label, value);
    }

    @Override
    public void updateCharacterStream(int column, Reader value, int length) throws SQLException {
        target.updateCharacterStream(column, value, length);
    }

    @Override
    public void updateCharacterStream(int column, Reader value, long length) throws SQLException {
        target.updateCharacterStream(column, value, length);
    }

    @Override
    public void updateCharacterStream(int column, Reader value) throws SQLException {
        target.updateCharacterStream(column, value);
    }

    @Override
    public void updateClob(String label, Reader value, long length) throws SQLException {
        target.updateClob(label, value, length);
    }

    @Override
    public void updateClob(String label, Reader value) throws SQLException {
        target.updateClob(label, value);
    }

    @Override public void updateClob(String label, Clob value) throws SQLException { target.updateClob(label, value); }

    @Override
    public void updateClob(int column, Reader value, long length) throws SQLException {
        target.updateClob(column, value, length);
    }

    @Override
    public void updateClob(int column, Reader value) throws SQLException {
        target.updateClob(column, value);
    }

    @Override public void updateClob(int column, Clob value) throws SQLException { target.updateClob(column, value); }
    @Override public void updateDate(String label, Date value) throws SQLException { target.updateDate(label, value); }
    @Override public void updateDate(int column, Date value) throws SQLException { target.updateDate(column, value); }

    @Override
    public void updateDouble(String label, double value) throws SQLException {
        target.updateDouble(label, value);
    }

    @Override
    public void updateDouble(int column, double value) throws SQLException {
        target.updateDouble(column, value);
    }

    @Override
    public void updateFloat(String label, float value) throws SQLException {
        target.updateFloat(label, value);
    }

    @Override
    public void updateFloat(int column, float value) throws SQLException {
        target.updateFloat(column, value);
    }

    @Override public void updateInt(String label, int value) throws SQLException { target.updateInt(label, value); }
    @Override public void updateInt(int column, int value) throws SQLException { target.updateInt(column, value); }
    @Override public void updateLong(String label, long value) throws SQLException { target.updateLong(label, value); }
    @Override public void updateLong(int column, long value) throws SQLException { target.updateLong(column, value); }

    @Override
    public void updateNCharacterStream(String label, Reader value, long length) throws SQLException {
        target.updateNCharacterStream(label, value, length);
    }

    @Override
    public void updateNCharacterStream(String label, Reader value) throws SQLException {
        target.updateNCharacterStream(label, value);
    }

    @Override
    public void updateNCharacterStream(int column, Reader value, long length) throws SQLException {
        target.updateNCharacterStream(column, value, length);
    }

    @Override
    public void updateNCharacterStream(int column, Reader value) throws SQLException {
        target.updateNCharacterStream(column, value);
    }

    @Override
    public void updateNClob(String label, Reader value, long length) throws SQLException {
        target.updateNClob(label, value, length);
    }

    @Override
    public void updateNClob(String label, Reader value) throws SQLException {
        target.updateNClob(label, value);
    }

    @Override
    public void updateNClob(String label, NClob value) throws SQLException {
        target.updateNClob(label, value);
    }

    @Override
    public void updateNClob(int column, Reader value, long length) throws SQLException {
        target.updateNClob(column, value, length);
    }

    @Override
    public void updateNClob(int column, Reader value) throws SQLException {
        target.updateNClob(column, value);
    }

    @Override
    public void updateNClob(int column, NClob value) throws SQLException {
        target.updateNClob(column, value);
    }

    @Override
    public void updateNString(String label, String value) throws SQLException {
        target.updateNString(label, value);
    }

    @Override
    public void updateNString(int column, String value) throws SQLException {
        target.updateNString(column, value);
    }

    @Override public void updateNull(String label) throws SQLException { target.updateNull(label); }
    @Override public void updateNull(int column) throws SQLException { target.updateNull(column); }

    @Override
    public void updateObject(String label, Object value, int length) throws SQLException {
        target.updateObject(label, value, length);
    }

    @Override
    public void updateObject(String label, Object value, SQLType sqlType, int more3) throws SQLException {
        target.updateObject(label, value, sqlType, more3);
    }

    @Override
    public void updateObject(String label, Object value, SQLType sqlType) throws SQLException {
        target.updateObject(label, value, sqlType);
    }

    @Override
    public void updateObject(String label, Object value) throws SQLException {
        target.updateObject(label, value);
    }

    @Override
    public void updateObject(int column, Object value, int length) throws SQLException {
        target.updateObject(column, value, length);
    }

    @Override
    public void updateObject(int column, Object value, SQLType sqlType, int more3) throws SQLException {
        target.updateObject(column, value, sqlType, more3);
    }

    @Override
    public void updateObject(int column, Object value, SQLType sqlType) throws SQLException {
        target.updateObject(column, value, sqlType);
    }

    @Override
    public void updateObject(int column, Object value) throws SQLException {
        target.updateObject(column, value);
    }

    @Override public void updateRef(String label, Ref value) throws SQLException { target.updateRef(label, value); }
    @Override public void updateRef(int column, Ref value) throws SQLException { target.updateRef(column, value); }
    @Override public void updateRow() throws SQLException { target.updateRow(); }

    @Override
    public void updateRowId(String label, RowId value) throws SQLException {
        target.updateRowId(label, value);
    }

    @Override
    public void updateRowId(int column, RowId value) throws SQLException {
        target.updateRowId(column, value);
    }

    @Override
    public void updateSQLXML(String label, SQLXML value) throws SQLException {
        target.updateSQLXML(label, value);
    }

    @Override
    public void updateSQLXML(int column, SQLXML value) throws SQLException {
        target.updateSQLXML(column, value);
    }

    @Override
    public void updateShort(String label, short value) throws SQLException {
        target.updateShort(label, value);
    }

    @Override
    public void updateShort(int column, short value) throws SQLException {
        target.updateShort(column, value);
    }

    @Override
    public void updateString(String label, String value) throws SQLException {
        target.updateString(label, value);
    }

    @Override
    public void updateString(int column, String value) throws SQLException {
        target.updateString(column, value);
    }

    @Override public void updateTime(String label, Time value) throws SQLException { target.updateTime(label, value); }
    @Override public void updateTime(int column, Time value) throws SQLException { target.updateTime(column, value); }

    @Override
    public void updateTimestamp(String label, Timestamp value) throws SQLException {
        target.updateTimestamp(label, value);
    }

    @Override
    public void updateTimestamp(int column, Timestamp value) throws SQLException {
        target.updateTimestamp(column, value);
    }
}
