package io.simianviz.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * The chain's Netty floor, beside {@link VertxProxy}: the same pass-through (each {@code GET
 * /request?key=k} sent on to the backend as the karyon's {@code POST /request} with its JSON and
 * headers, the reply's bytes returned as they came), written on Netty's own HTTP/1.1 codecs with
 * none of Vert.x. It is the best case for a JVM on this hop: a front connection's calls go out on
 * its own event loop, from that loop's idle backend connections, so no call crosses threads, which
 * a shared pool (Vert.x's) cannot promise. No pool limit: the load's connections bound it.
 *
 * <p>usage: java -cp bench/target/simianviz-bench.jar:bench/target/lib/*
 * io.simianviz.bench.NettyProxy LISTEN BACKEND (each host:port); prints "ready" once it listens.
 */
public final class NettyProxy {
  private static final AsciiString JSON = AsciiString.cached("application/json");
  private static final AsciiString TRACEPARENT = AsciiString.cached("traceparent");
  private static final AsciiString HOPS = AsciiString.cached("simianviz-hops");
  private static final AsciiString TIME_LEFT = AsciiString.cached("x-simianviz-timeout-ms");
  private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final int MAX_MESSAGE = 64 * 1024;

  /** Each event loop's idle backend connections (a loop is one thread). */
  private static final ThreadLocal<ArrayDeque<Channel>> IDLE =
      ThreadLocal.withInitial(ArrayDeque::new);

  private final String backendHost;
  private final int backendPort;

  private NettyProxy(String backendHost, int backendPort) {
    this.backendHost = backendHost;
    this.backendPort = backendPort;
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: NettyProxy LISTEN BACKEND (each host:port)");
      System.exit(2);
    }
    NettyProxy proxy = new NettyProxy(VertxProxy.host(args[1]), VertxProxy.port(args[1]));
    // As many event loops as Vert.x's default, so the two proxies differ only in what runs on them.
    NioEventLoopGroup loops = new NioEventLoopGroup(2 * Runtime.getRuntime().availableProcessors());
    new ServerBootstrap()
        .group(loops)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(wholeMessages(HttpServerCodec::new, () -> proxy.new Front()))
        .bind(VertxProxy.host(args[0]), VertxProxy.port(args[0]))
        .sync();
    System.out.println("ready");
  }

  /** A connection's pipeline: an HTTP/1.1 codec, whole messages of it, then the proxy's handler. */
  private static ChannelInitializer<SocketChannel> wholeMessages(
      Supplier<ChannelHandler> codec, Supplier<ChannelHandler> handler) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(codec.get(), new HttpObjectAggregator(MAX_MESSAGE), handler.get());
      }
    };
  }

  private FullHttpRequest call(String uri) {
    int key = uri.indexOf("key=");
    String json = "{\"op\":\"GET\",\"key\":\"" + (key < 0 ? "key" : uri.substring(key + 4)) + "\"}";
    ByteBuf body = Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.US_ASCII));
    FullHttpRequest call =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/request", body);
    call.headers()
        .set(HttpHeaderNames.HOST, backendHost)
        .set(HttpHeaderNames.CONTENT_TYPE, JSON)
        .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
        .set(TRACEPARENT, PARENT)
        .set(HOPS, "1")
        .set(TIME_LEFT, "999");
    return call;
  }

  private static void answer(ChannelHandlerContext front, FullHttpResponse reply) {
    var unused = front.writeAndFlush(reply, front.voidPromise());
  }

  private static FullHttpResponse badGateway() {
    FullHttpResponse reply =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY);
    reply.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
    return reply;
  }

  /** A client's connection: each request becomes a call on a backend connection of this loop. */
  private final class Front extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext front, FullHttpRequest request) {
      FullHttpRequest call = call(request.uri());
      Channel idle;
      while ((idle = IDLE.get().pollFirst()) != null) {
        if (idle.isActive()) {
          Backend.send(idle, call, front);
          return;
        }
      }
      new Bootstrap()
          .group(front.channel().eventLoop())
          .channel(NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(wholeMessages(HttpClientCodec::new, Backend::new))
          .connect(backendHost, backendPort)
          .addListener(
              (ChannelFutureListener)
                  connected -> {
                    if (connected.isSuccess()) {
                      Backend.send(connected.channel(), call, front);
                    } else {
                      call.release();
                      answer(front, badGateway());
                    }
                  });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext front, Throwable cause) {
      // The load generator resets its connections when it stops.
      var unused = front.close();
    }
  }

  /** A backend connection: the reply to its one call in flight goes back to that call's client. */
  private static final class Backend extends SimpleChannelInboundHandler<FullHttpResponse> {
    private ChannelHandlerContext waiting;

    static void send(Channel backend, FullHttpRequest call, ChannelHandlerContext front) {
      backend.pipeline().get(Backend.class).waiting = front;
      var unused = backend.writeAndFlush(call, backend.voidPromise());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext backend, FullHttpResponse reply) {
      ChannelHandlerContext front = waiting;
      waiting = null;
      FullHttpResponse passed =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, reply.status(), reply.content().retain());
      passed
          .headers()
          .set(HttpHeaderNames.CONTENT_TYPE, JSON)
          .set(HttpHeaderNames.CONTENT_LENGTH, reply.content().readableBytes());
      IDLE.get().addFirst(backend.channel());
      answer(front, passed);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext backend, Throwable cause) {
      var unused = backend.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext backend) {
      if (waiting != null) {
        answer(waiting, badGateway());
        waiting = null;
      }
    }
  }
}
