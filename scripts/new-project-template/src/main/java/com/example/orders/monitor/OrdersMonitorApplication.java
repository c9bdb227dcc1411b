package com.example.orders.monitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrdersMonitorApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrdersMonitorApplication.class, args);
	}

}
