package org.equityadvisor.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users, kept in the database. The users file seeds it: at each start a user of the file that the
 * database does not have yet is added (one already there keeps what the admin page made of it). Every
 * write goes to the database first and then to {@link Accounts}, which sign-in reads.
 */
@Service
public class UserStore {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    UserStore(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        seed();
    }

    @Transactional
    void seed() {
        for (Accounts.Account a : accounts.all()) {
            if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE name = ?").param(a.getUsername()).query(Integer.class).single() == 0) {
                insert(a);
            }
        }
        jdbc.sql("SELECT name, password, role, districts, states FROM app_user").query((rs, n) -> new Accounts.Account(rs.getString(1), rs.getString(2),
                Accounts.Role.valueOf(rs.getString(3)), list(rs.getString(4)), list(rs.getString(5)))).list().forEach(accounts::put);
    }

    /** Every user, by name. */
    public List<Accounts.Account> all() {
        return accounts.all();
    }

    /**
     * Adds a user, or changes the role, districts and states of one (and their password when {@code password} is
     * not blank). The password is stored only as a bcrypt hash.
     */
    @Transactional
    public Accounts.Account save(String name, String password, String role, String districtList, String stateList) {
        List<Problem> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (!n.matches("[\\p{L}\\p{N}._@-]{1,200}")) {
            problems.add(new Problem("name", "must be 1 to 200 letters, digits or . _ @ -"));
        }
        Accounts.Role r = null;
        try {
            r = Accounts.Role.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("role", "'" + role + "' is not one of LEADER, COACH, COORDINATOR, ADMIN"));
        }
        List<String> ids = list(districtList);
        if (r == Accounts.Role.LEADER && ids.isEmpty()) {
            problems.add(new Problem("districts", "a leader needs at least one district id"));
        }
        List<String> states = list(stateList).stream().map(st -> st.toUpperCase(Locale.ROOT)).toList();
        if (states.stream().anyMatch(st -> !st.matches("[A-Z]{2}"))) {
            problems.add(new Problem("states", "must be two-letter state codes, e.g. IL, CA"));
        } else if (r == Accounts.Role.COORDINATOR && states.isEmpty()) {
            problems.add(new Problem("states", "a coordinator needs at least one state"));
        }
        var existing = accounts.find(n);
        String hash = null;
        if (password != null && !password.isEmpty()) {
            if (password.length() < 12) {
                problems.add(new Problem("password", "must be at least 12 characters long"));
            } else {
                try {
                    hash = EquityAdvisorServer.hashPassword(password);
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
        } else if (existing.isEmpty()) {
            problems.add(new Problem("password", "is required for a new user"));
        }
        if (!problems.isEmpty()) {
            throw new InputException("user", problems);
        }
        Accounts.Account account = new Accounts.Account(n, hash != null ? hash : existing.get().getPassword(), r, ids, states);
        if (existing.isPresent()) {
            jdbc.sql("UPDATE app_user SET password = ?, role = ?, districts = ?, states = ? WHERE name = ?")
                    .params(account.getPassword(), r.name(), String.join(",", ids), String.join(",", states), n).update();
        } else {
            insert(account);
        }
        accounts.put(account);
        return account;
    }

    private void insert(Accounts.Account a) {
        jdbc.sql("INSERT INTO app_user (name, password, role, districts, states) VALUES (?, ?, ?, ?, ?)")
                .params(a.getUsername(), a.getPassword(), a.role().name(), String.join(",", a.districts()), String.join(",", a.states())).update();
    }

    private static List<String> list(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
