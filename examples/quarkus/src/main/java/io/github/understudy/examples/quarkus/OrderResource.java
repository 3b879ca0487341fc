package io.github.understudy.examples.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Produces;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Orders over plain JDBC: a write goes to the master, a read-only connection to a replica. */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** What a request did, and which server (its {@code @@server_id}) served it. */
    public record Placed(long id, String item, long servedBy) {
    }

    /** The items, and the server that served the read. */
    public record Items(List<String> items, long servedBy) {
    }

    @Inject
    DataSource dataSource;

    @POST
    public Placed place(@QueryParam("item") String item) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (item) VALUES (?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, item);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Placed(keys.getLong(1), item, serverId(connection));
            }
        }
    }

    @GET
    public Items list() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // Agroal hands out the same logical connections for reads and writes: the flag picks a replica.
            connection.setReadOnly(true);
            List<String> items = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT item FROM orders ORDER BY id")) {
                while (rows.next()) {
                    items.add(rows.getString(1));
                }
            }
            return new Items(items, serverId(connection));
        }
    }

    private static long serverId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT @@server_id")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
