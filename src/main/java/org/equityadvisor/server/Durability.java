package org.equityadvisor.server;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A 2xx answer to a write means the write is on disk. H2 by default keeps commits in memory for up to
 * 500 ms (its write delay): a crash of the process then loses writes the server had acknowledged. Here a
 * file database gets {@code WRITE_DELAY=0}, so each commit is written to the file before the answer goes
 * out (it survives the process being killed; H2 does not force each commit through to the disk platter,
 * so a power loss can still take the last ones: use PostgreSQL where that matters). PostgreSQL's default
 * ({@code synchronous_commit=on}) flushes each commit's log to disk; a server configured with {@code off}
 * is turned back on for this application's sessions. An operator's own explicit setting in the URL
 * (H2's WRITE_DELAY) or pool (connection-init-sql) is left as given.
 */
final class Durability implements BeanPostProcessor {

    static final String POSTGRESQL_SYNCHRONOUS_COMMIT =
            "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            String url = pool.getJdbcUrl();
            if (!h2(url).equals(url)) {
                pool.setJdbcUrl(h2(url));
            }
            if (url.startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
                pool.setConnectionInitSql(POSTGRESQL_SYNCHRONOUS_COMMIT);
            }
        }
        return bean;
    }

    /** An H2 URL of a database on disk, with its write delay set to 0 unless it sets one itself. */
    static String h2(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:MEM:") || upper.contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }
}
