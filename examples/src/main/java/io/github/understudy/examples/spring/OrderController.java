package io.github.understudy.examples.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /orders?item=book} writes on the master; {@code GET /orders} reads from a replica. */
@RestController
public class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/orders")
    OrderService.Placed place(@RequestParam String item) {
        return orders.place(item);
    }

    @GetMapping("/orders")
    OrderService.Recent recent() {
        return orders.recent();
    }
}
