import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What {@code max.in.flight.requests.per.connection} does to the intake's produce path, without the HTTP layer: S
 * closed-loop senders share one idempotent acks=all producer (as the intake's requests do), each sending one 700-byte
 * record and waiting for its acknowledgement; after 5 s, for SECONDS, it counts records, produce requests (the
 * producer's own metrics) and the CPU time of the broker and of this process (/proc).
 *   java -cp "launcher/target/lib/kafka-clients-4.1.2.jar:launcher/target/lib/slf4j-api-2.0.17.jar" \
 *     bench/ProducerInFlightBench.java BOOTSTRAP MAX_IN_FLIGHT SENDERS SECONDS BROKER_PID
 */
public class ProducerInFlightBench {
    public static void main(String[] a) throws Exception {
        String bootstrap = a[0]; int inFlight = Integer.parseInt(a[1]); int senders = Integer.parseInt(a[2]);
        long seconds = Long.parseLong(a[3]); long brokerPid = Long.parseLong(a[4]);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap); p.put("acks", "all"); p.put("enable.idempotence", true);
        p.put("max.in.flight.requests.per.connection", inFlight); p.put("linger.ms", 0); p.put("batch.size", 65536);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        byte[] value = new byte[700]; Arrays.fill(value, (byte) 'x');
        String topic = "commandpost.alerts.v1";
        producer.send(new ProducerRecord<>(topic, "warm", value)).get();
        AtomicLong sent = new AtomicLong(); AtomicBoolean measuring = new AtomicBoolean(); AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            int id = i;
            Thread t = new Thread(() -> { long n = 0; try { while (!stop.get()) {
                producer.send(new ProducerRecord<>(topic, "k" + id + "-" + (n++), value)).get();
                if (measuring.get()) sent.incrementAndGet(); } } catch (Exception e) { throw new RuntimeException(e); } });
            t.start(); threads.add(t);
        }
        Thread.sleep(5000);
        double req0 = metric(producer, "request-total"), rec0 = metric(producer, "record-send-total");
        long b0 = ticks(brokerPid), s0 = ticks(ProcessHandle.current().pid());
        measuring.set(true); Thread.sleep(seconds * 1000); measuring.set(false);
        long b1 = ticks(brokerPid), s1 = ticks(ProcessHandle.current().pid());
        double req1 = metric(producer, "request-total"), rec1 = metric(producer, "record-send-total");
        stop.set(true); for (Thread t : threads) t.join();
        producer.close();
        double records = rec1 - rec0, requests = req1 - req0;
        System.out.printf("in-flight %d, %d senders: %.0f records, %.0f produce requests (%.2f records/request), broker %.0f µs CPU/record, this producer process %.0f µs CPU/record%n",
                inFlight, senders, records, requests, records / requests, (b1 - b0) * 10_000.0 / records, (s1 - s0) * 10_000.0 / records);
    }
    static double metric(KafkaProducer<?, ?> producer, String name) {
        return producer.metrics().entrySet().stream().filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals("producer-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }
    static long ticks(long pid) throws Exception {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat")); String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
