package org.equityadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.equityadvisor.model.InputException;
import org.equityadvisor.model.Problem;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The people who may sign in, read from a YAML file: name, password (a {@code {bcrypt}} hash, made with
 * {@code equity-advisor hash-password}), role (LEADER, COACH, COORDINATOR or ADMIN) and, for leaders, their district ids
 * (for state coordinators, their states).
 * {@code {noop}} passwords in clear are refused unless tests allow them: they would be readable in the file
 * and answer a wrong guess faster than bcrypt does, telling which names exist. With no file, the first start
 * creates one admin with a random password, prints it once, and keeps only its hash.
 */
public final class Accounts implements UserDetailsService {

    /** COORDINATOR: a state coordinator, who reads (never changes) the plans of the districts of their states. */
    public enum Role { LEADER, COACH, COORDINATOR, ADMIN }

    /** A signed-in user: name, role and the districts whose plans a leader may see. */
    public static final class Account extends User {
        private final Role role;
        private final List<String> districts;
        private final List<String> states;

        public Account(String name, String password, Role role, List<String> districts) {
            this(name, password, role, districts, List.of());
        }

        public Account(String name, String password, Role role, List<String> districts, List<String> states) {
            super(name, password, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
            this.role = role;
            this.districts = List.copyOf(districts);
            this.states = states.stream().map(st -> st.toUpperCase(Locale.ROOT)).toList();
        }

        /**
         * True when this user may read the plans of districts in this state (two-letter code): an admin, or a
         * state coordinator of it. Reading only: changes still need {@link #serves}.
         */
        public boolean readsState(String state) {
            return role == Role.ADMIN || role == Role.COORDINATOR && state != null && states.contains(state.toUpperCase(Locale.ROOT));
        }

        public List<String> states() {
            return states;
        }

        public Role role() {
            return role;
        }

        /**
         * True when this user may work on the plans and advice of the district with this id. Only the id
         * counts: a district's name is free text anyone can write, so it never grants access.
         */
        public boolean serves(String districtId) {
            return role == Role.ADMIN || districtId != null && districts.contains(districtId);
        }

        public List<String> districts() {
            return districts;
        }
    }

    private static final Set<String> FIELDS = Set.of("name", "password", "role", "districts", "states");
    /** Sorted by name; the user store adds and changes users while the server runs. */
    private final Map<String, Account> accounts;

    private Accounts(Map<String, Account> accounts) {
        this.accounts = new ConcurrentSkipListMap<>(accounts);
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        Account account = accounts.get(name);
        if (account == null) {
            throw new UsernameNotFoundException("no such user");
        }
        // A copy: Spring Security erases the password of the object it is given after sign-in.
        return new Account(account.getUsername(), account.getPassword(), account.role(), account.districts(), account.states());
    }

    /** The account of this name, if there is one. */
    public Optional<Account> find(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    /** Every user, by name. */
    public List<Account> all() {
        return List.copyOf(accounts.values());
    }

    /** Adds a user or replaces the one of the same name: the user store calls this after each write. */
    void put(Account account) {
        accounts.put(account.getUsername(), account);
    }

    int size() {
        return accounts.size();
    }

    /**
     * The users of {@code file}; without one, those of {@code data}/users.yaml, created (readable by the owner
     * only) with one admin on first start. {@code allowNoop} admits {@code {noop}} passwords: tests only.
     */
    static Accounts load(Path file, Path data, PrintStream out, boolean allowNoop) {
        if (file != null) {
            return read(file, allowNoop);
        }
        Path generated = data.resolve("users.yaml");
        if (!Files.exists(generated)) {
            String password = randomPassword();
            try {
                DataFolder.secure(data);
                DataFolder.writeOwnerOnly(generated, "# Created on first start. Add users here (equity-advisor hash-password makes a password's hash),"
                        + " or start with --users FILE.\n- name: admin\n  password: \"" + EquityAdvisorServer.hashPassword(password) + "\"\n  role: ADMIN\n");
            } catch (IOException e) {
                throw new InputException(generated.toString(), new Problem(generated.toString(), "cannot be written: " + e.getMessage()));
            }
            out.println("First start: created user 'admin' with password " + password + " (shown only this once; its hash is in " + generated + ")");
        }
        return read(generated, allowNoop);
    }

    static Accounts read(Path file, boolean allowNoop) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(file.toString(), new Problem(file.toString(), "cannot be read as YAML: " + e.getMessage()));
        }
        if (root != null && root.has("users")) {
            root = root.get("users");
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Account> accounts = new LinkedHashMap<>();
        if (root == null || !root.isArray()) {
            throw new InputException(file.toString(), new Problem(file.toString(), "must be a list of users (name, password, role, districts)"));
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode u = root.get(i);
            String at = file + ": [" + i + "]";
            u.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    problems.add(new Problem(at + "." + f, "unknown field (name, password, role, districts, states)"));
                }
            });
            String name = u.path("name").asText("");
            String password = u.path("password").asText("");
            String role = u.path("role").asText("").toUpperCase(Locale.ROOT);
            if (name.isBlank()) {
                problems.add(new Problem(at + ".name", "is required"));
            } else if (accounts.containsKey(name)) {
                problems.add(new Problem(at + ".name", name + " is listed twice"));
            }
            if (password.startsWith("{noop}") && !allowNoop) {
                problems.add(new Problem(at + ".password", "is a {noop} password in clear, which only tests may use: "
                        + "make a hash with 'equity-advisor hash-password' and write the {bcrypt}… line it prints here"));
            } else if (!password.startsWith("{bcrypt}") && !password.startsWith("{noop}")) {
                problems.add(new Problem(at + ".password", "must be a {bcrypt} hash: make one with 'equity-advisor hash-password'"));
            }
            Role r = null;
            try {
                r = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(at + ".role", "'" + u.path("role").asText("") + "' is not one of LEADER, COACH, COORDINATOR, ADMIN"));
            }
            List<String> districts = new ArrayList<>();
            u.path("districts").forEach(d -> {
                if (d.isTextual()) {
                    districts.add(d.asText());
                } else {
                    // YAML reads 0612345 as a number (octal, even): a district id must keep its digits.
                    problems.add(new Problem(at + ".districts", "write district ids in quotes, e.g. \"0612345\": unquoted, YAML read this one as the number " + d));
                }
            });
            if (r == Role.LEADER && districts.isEmpty()) {
                problems.add(new Problem(at + ".districts", "a leader needs at least one district id"));
            }
            List<String> states = new ArrayList<>();
            u.path("states").forEach(st -> {
                if (st.isTextual() && st.asText().strip().matches("[A-Za-z]{2}")) {
                    states.add(st.asText().strip());
                } else {
                    problems.add(new Problem(at + ".states", "'" + st.asText() + "' is not a two-letter state code, e.g. IL"));
                }
            });
            if (r == Role.COORDINATOR && states.isEmpty()) {
                problems.add(new Problem(at + ".states", "a state coordinator needs at least one state, e.g. states: [IL]"));
            }
            if (r != null && !name.isBlank()) {
                accounts.put(name, new Account(name, password, r, districts, states));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(file.toString(), problems);
        }
        return new Accounts(accounts);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
