package io.sfinbound.stack;

import io.sfinbound.stack.demo.DemoCommand;

/**
 * The Java side of {@code bin/sfinbound}: everything the launcher needs that a plain shell cannot do portably
 * (JDBC, Kafka metadata requests, HTTP without curl, the embedded PostgreSQL, the demo). One subcommand per call:
 * <ul>
 * <li>{@code postgres --port P --data DIR}: runs the embedded PostgreSQL until terminated;</li>
 * <li>{@code db-init --url JDBC_URL --user U [db...]}: creates the stack's databases, prints {@code db=url} lines;</li>
 * <li>{@code wait-kafka --bootstrap HOST:PORT --timeout S}: waits until the broker answers metadata requests;</li>
 * <li>{@code create-topics --bootstrap HOST:PORT}: creates the pipeline's topics the broker lacks;</li>
 * <li>{@code wait-http --timeout S name=url...}: waits until every URL answers 200;</li>
 * <li>{@code probe-http name=url...}: prints each URL's status;</li>
 * <li>{@code demo ...}: see {@link DemoCommand}.</li>
 * </ul>
 */
public final class StackTool {

    private StackTool() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    /** Runs one subcommand and returns its exit status. */
    public static int run(String[] argv) {
        if (argv.length == 0) {
            Console.err("usage: StackTool postgres|db-init|wait-kafka|create-topics|wait-http|probe-http|demo [options]");
            return 64;
        }
        try {
            Args args = Args.parse(argv, 1);
            return switch (argv[0]) {
                case "postgres" -> EmbeddedPostgresServer.run(args);
                case "db-init" -> Databases.run(args);
                case "wait-kafka" -> KafkaProbe.run(args);
                case "create-topics" -> TopicSetup.run(args);
                case "wait-http" -> HealthProbe.waitAll(args);
                case "probe-http" -> HealthProbe.probe(args);
                case "demo" -> DemoCommand.run(args);
                default -> throw new Args.UsageException("unknown subcommand " + argv[0]);
            };
        } catch (Args.UsageException e) {
            Console.err(e.getMessage());
            return 64;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            Console.err(argv[0] + " failed: " + e);
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                Console.err("  caused by " + c);
            }
            return 1;
        }
    }
}
